package org.shebao.registry;

/**
 * What a staff user's agency may do with a person's record (issue 16 item 3, 国办发〔2009〕66号 暂行办法 第八条):
 * the agency holding the enterprise-pension record serves the person ({@code HOLDER}: pages, documents, new cases);
 * an agency that held it before (the registration region's, a sending agency) reads its own part
 * ({@code FORMER}: read only, no new case); any other agency sees nothing ({@code NONE}).
 */
public enum RecordAccess {
    HOLDER, FORMER, NONE;

    public boolean serves() {
        return this == HOLDER;
    }

    public boolean reads() {
        return this != NONE;
    }
}
