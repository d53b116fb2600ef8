/**
 * Shared kernel: the domain's value types ({@link org.shebao.common.IdNumber}, {@link org.shebao.common.CreditCode},
 * {@link org.shebao.common.RegionCode}, {@link org.shebao.common.Money}), field-level validation errors and the
 * masking of personal data. Every module may use it; it depends on no other module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN,
        displayName = "Common")
package org.shebao.common;

import org.springframework.modulith.ApplicationModule;
