package io.camelgenesys.fakemodule.model;

import io.camelgenesys.core.json.GenesysModel;

/** A model of the unknown module. */
public class FakeThing extends GenesysModel {

    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
