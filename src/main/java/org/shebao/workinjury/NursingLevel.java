package org.shebao.workinjury;

/** 生活自理障碍等级 (工伤保险条例 第二十二条): none, partly (部分), mostly (大部分) or fully (完全) unable to care for oneself. */
public enum NursingLevel {
    NONE, PARTIAL, MOSTLY, FULL
}
