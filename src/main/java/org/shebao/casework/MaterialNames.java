package org.shebao.casework;

import java.util.Map;

/** Chinese names of checklist items for generated texts (screens use messages: material.CODE). */
final class MaterialNames {
    private static final Map<String, String> ZH = Map.of(
            "ID_CARD", "居民身份证",
            "HOUSEHOLD_REGISTER", "居民户口簿",
            "EMPLOYMENT_PROOF", "灵活就业证明",
            "INJURY_RECOGNITION", "工伤认定决定书",
            "MEDICAL_RECORDS", "医疗诊断证明及病历",
            "DEPLOYMENT_PROOF", "单位派往疫区工作证明",
            "PURPOSE_PROOF", "用途说明",
            "RETIREMENT_APPROVAL", "退休审批表",
            "PERSONNEL_FILE", "人事档案（工作经历）");

    private MaterialNames() {
    }

    static String zh(String item) {
        return ZH.getOrDefault(item, item);
    }
}
