package org.shebao.dashboard;

import java.util.List;

/**
 * A chart's data as its JSON endpoint gives it and its table shows it: labels in the user's language (names, never
 * codes), the categories along the x axis and one series per line of the table.
 *
 * @param stacked whether the series' bars are stacked (cases per channel)
 */
public record Chart(String id, String title, String categoryName, List<String> categories, List<Series> series,
                    boolean stacked) {

    /** One series: its name and a value per category; {@code type} is ECharts' (bar or line). */
    public record Series(String name, String type, List<Long> data) {
    }
}
