package com.crmplatform.ai;

import com.crmplatform.order.OrderRepository.PurchaseMoment;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The best day and hour to send, from when the audience buys: the weekday most of their orders
 * fall on, and the hour most of them were entered, when entry times say anything (a bulk import
 * stamps them all alike; then the usual late-morning hour is suggested, and said so).
 */
public final class SendTimeAdvisor {

    /** A recommendation and why. */
    public record Advice(DayOfWeek day, int hour, int ordersConsidered, boolean hourFromOrders, String why) {
    }

    static final int DEFAULT_HOUR = 11;

    private SendTimeAdvisor() {
    }

    public static Advice advise(List<PurchaseMoment> moments, ZoneId zone) {
        if (moments.isEmpty()) {
            return new Advice(DayOfWeek.SATURDAY, DEFAULT_HOUR, 0, false,
                    "This audience has no orders yet; Saturday late morning is a common choice for retail.");
        }
        Map<DayOfWeek, Integer> days = new EnumMap<>(DayOfWeek.class);
        int[] hours = new int[24];
        Map<Long, Integer> sameMinute = new java.util.HashMap<>();
        for (PurchaseMoment m : moments) {
            days.merge(m.date().getDayOfWeek(), 1, Integer::sum);
            hours[m.enteredAt().atZone(zone).getHour()]++;
            sameMinute.merge(m.enteredAt().getEpochSecond() / 60, 1, Integer::sum);
        }
        DayOfWeek day = days.entrySet().stream().max(Map.Entry.<DayOfWeek, Integer>comparingByValue()
                .thenComparing(e -> -e.getKey().getValue())).orElseThrow().getKey();
        int dayShare = 100 * days.get(day) / moments.size();
        boolean bulk = sameMinute.values().stream().mapToInt(Integer::intValue).max().orElse(0) * 2 > moments.size();
        int hour = DEFAULT_HOUR;
        if (!bulk) {
            for (int h = 0; h < 24; h++) {
                if (hours[h] > hours[hour]) {
                    hour = h;
                }
            }
        }
        String dayName = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String why = String.format(Locale.ENGLISH, "%d%% of this audience's %,d latest orders were on a %s", dayShare,
                moments.size(), dayName) + (bulk ? "; their order times were not recorded one by one (imported), so late "
                + "morning is suggested." : String.format(Locale.ENGLISH, ", most of them around %02d:00.", hour));
        return new Advice(day, hour, moments.size(), !bulk, why);
    }
}
