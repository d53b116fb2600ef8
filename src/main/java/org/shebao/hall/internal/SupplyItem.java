package org.shebao.hall.internal;

/** A protective supply kept at a hall (N-2); its minimum stock is a parameter each ({@link HallParameters#minimum}). */
public enum SupplyItem {
    MASKS, DISINFECTANT, THERMOMETERS
}
