package org.shebao.unemployment;

import org.shebao.common.Money;

/**
 * The monthly benefit: the province's standard ({@code unemployment.benefit.monthly}) with its source, checked to lie
 * between the minimum living allowance and the minimum wage (失业保险条例 第十八条), each with its source;
 * {@code illustrative} when any of the three is a demo figure.
 */
public record BenefitAmount(Money monthly, String source, Money floor, String floorSource, Money ceiling,
                            String ceilingSource, boolean illustrative) {
}
