package io.camelgenesys.statistics;

/** The {@code verbose} query parameter of the subscription requests: whether details of opened statistics return. */
public enum StatisticsVerbose {
    OFF,
    INFO
}
