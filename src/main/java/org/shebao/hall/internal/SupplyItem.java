package org.shebao.hall.internal;

/** A protective supply kept at a hall (N-2), with the parameter holding its minimum stock. */
public enum SupplyItem {
    MASKS("hall.supply.masks.minimum"),
    DISINFECTANT("hall.supply.disinfectant.minimum"),
    THERMOMETERS("hall.supply.thermometers.minimum");

    private final String parameter;

    SupplyItem(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
