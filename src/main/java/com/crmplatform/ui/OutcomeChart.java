package com.crmplatform.ui;

import java.util.List;
import javafx.scene.chart.PieChart;

/** A pie chart of named figures (sent, failed, pending) that updates in place instead of redrawing. */
public final class OutcomeChart {

    private final PieChart chart;
    private final List<String> names;

    public OutcomeChart(PieChart chart, List<String> names) {
        this.chart = chart;
        this.names = List.copyOf(names);
        chart.setLegendVisible(true); // which colour is which, with its number
        chart.setLabelsVisible(false);
    }

    /** "Sent 120": the slice's name with its figure, in the legend. */
    private String label(int i, long value) {
        return names.get(i) + " " + java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH).format(value);
    }

    /** Shows these values, one per name; none clears the chart. */
    public void show(long... values) {
        if (values.length == 0) {
            chart.getData().clear();
            return;
        }
        if (chart.getData().size() != names.size()) {
            chart.getData().clear();
            for (int i = 0; i < names.size(); i++) {
                chart.getData().add(new PieChart.Data(label(i, values[i]), values[i]));
            }
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            chart.getData().get(i).setPieValue(values[i]);
            chart.getData().get(i).setName(label(i, values[i]));
        }
    }
}
