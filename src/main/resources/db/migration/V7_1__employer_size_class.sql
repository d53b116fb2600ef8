-- Issue 11: the employer's class (企业规模 by 工信部联企业〔2011〕300号, or the kind of unit) is an attribute of the
-- employer, with its evidence and who set it when. NULL: not yet classified. The values are
-- org.shebao.registry.EmployerSize's.
ALTER TABLE registry_employer
    ADD COLUMN size_class    TEXT CHECK (size_class IN ('LARGE','MEDIUM','SMALL','MICRO','INDIVIDUAL_BUSINESS',
                                                         'OTHER_UNIT','PUBLIC_INSTITUTION')),
    ADD COLUMN size_evidence TEXT CHECK (char_length(size_evidence) <= 500),
    ADD COLUMN size_set_by   TEXT,
    ADD COLUMN size_set_at   TIMESTAMPTZ,
    ADD CONSTRAINT registry_employer_size_complete CHECK (
        (size_class IS NULL AND size_evidence IS NULL AND size_set_by IS NULL AND size_set_at IS NULL)
        OR (size_class IS NOT NULL AND size_evidence IS NOT NULL AND size_set_by IS NOT NULL AND size_set_at IS NOT NULL));
