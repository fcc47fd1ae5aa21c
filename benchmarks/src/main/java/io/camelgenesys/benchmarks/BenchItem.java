package io.camelgenesys.benchmarks;

import io.camelgenesys.core.json.GenesysModel;

/** An item of the simulator's collection; fields it does not declare are kept by {@link GenesysModel}. */
public class BenchItem extends GenesysModel {

    private String id;
    private String name;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
