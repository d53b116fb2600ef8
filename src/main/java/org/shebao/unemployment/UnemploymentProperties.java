package org.shebao.unemployment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The unemployment module's settings (README 「Configuration」; {@code shebao.unemployment.*}).
 *
 * @param reemploymentCheckEvery how often the registry is searched for re-employments of people paid unemployment
 *                               benefit (失业保险条例 第十五条), by one node at a time (job lock
 *                               {@code unemployment-reemployment}); default one hour
 * @param medicalAgencyAccount   the medical insurance agency's account the claimants' medical premiums are paid to
 *                               (社会保险法 第四十八条); the default is the demo's
 * @param medicalAgencyName      that account's name, as the bank file gives it
 */
@ConfigurationProperties("shebao.unemployment")
public record UnemploymentProperties(@DefaultValue("PT1H") Duration reemploymentCheckEvery,
                                     @DefaultValue("6217000010000000001") String medicalAgencyAccount,
                                     @DefaultValue("医疗保障经办机构（代收失业人员医疗保险费）") String medicalAgencyName) {
}
