package com.crmplatform.ui;

import com.crmplatform.store.Dates;
import java.time.LocalDate;
import javafx.beans.property.StringProperty;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Date pickers that show dates as the tables do (30-Nov-2026), read what people type
 * ({@link Dates}: 30/11/2026, 2026-11-30, 30-Nov-2026) whatever the system's locale, and keep
 * text they cannot read — JavaFX's picker would put the old date back, or erase the field,
 * without a word — so the field's view-model can say what is wrong.
 */
public final class DateFields {

    private DateFields() {
    }

    /** @param typed receives the picker's text as typed (the view-model parses it and reports errors) */
    public static void install(DatePicker picker, StringProperty typed) {
        Keeping converter = new Keeping(picker);
        picker.setConverter(converter);
        picker.setPromptText("dd/mm/yyyy");
        picker.getEditor().textProperty().addListener((o, a, b) -> {
            converter.edited(b);
            typed.set(b == null ? "" : b);
        });
        picker.valueProperty().addListener((o, a, b) -> {
            if (b != null || converter.unreadable == null) { // a date picked from the calendar replaces the text
                if (b != null && b.equals(readable(picker.getEditor().getText()))) {
                    return; // the text already says this date (typed as 2026-11-3…): left as it is typed
                }
                converter.unreadable = null;
                String shown = Dates.show(b);
                if (!shown.equals(picker.getEditor().getText())) {
                    picker.getEditor().setText(shown);
                }
            }
        });
        // Picking from the calendar the date the picker already holds changes no value: the text that
        // could not be read is replaced all the same (the user chose a date).
        picker.setDayCellFactory(p -> {
            javafx.scene.control.DateCell cell = new javafx.scene.control.DateCell();
            cell.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
                if (!cell.isEmpty() && cell.getItem() != null && cell.getItem().equals(picker.getValue())
                        && converter.unreadable != null) {
                    converter.unreadable = null;
                    picker.getEditor().setText(Dates.show(cell.getItem()));
                }
            });
            return cell;
        });
        // The picker's skin fills its text only once shown: the date it holds is put there now.
        picker.getEditor().setText(Dates.show(picker.getValue()));
        typed.set(picker.getEditor().getText());
    }

    /**
     * A form's typed date: the date, or — when the text is no date — the field's error put in
     * {@code errors} under {@code field} and the date it held before.
     */
    public static <K> LocalDate read(StringProperty typed, LocalDate before, java.util.Map<K, String> errors, K field,
                                     Messages messages) {
        try {
            return Dates.parse(typed.get());
        } catch (IllegalArgumentException e) {
            errors.put(field, messages.get("form.error.date", typed.get().strip(), Dates.EXAMPLES));
            return before;
        }
    }

    /** The date a text says, or null when it says none (or is no date). */
    private static LocalDate readable(String text) {
        try {
            return Dates.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A view-model's typed date follows a date set as a date (picked from the calendar), unless it already says that date. */
    public static void follow(StringProperty text, LocalDate date) {
        try {
            if (java.util.Objects.equals(Dates.parse(text.get()), date)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // the text says something else: the picked date replaces it
        }
        text.set(Dates.show(date));
    }

    /** Shows a date as the tables do, and keeps showing text it could not read until it is edited. */
    private static final class Keeping extends StringConverter<LocalDate> {
        private final DatePicker picker;
        private String unreadable;

        Keeping(DatePicker picker) {
            this.picker = picker;
        }

        void edited(String text) {
            try {
                Dates.parse(text);
                unreadable = null;
            } catch (IllegalArgumentException e) {
                unreadable = text;
            }
        }

        @Override
        public String toString(LocalDate d) {
            return unreadable != null ? unreadable : Dates.show(d);
        }

        @Override
        public LocalDate fromString(String text) {
            try {
                return Dates.parse(text);
            } catch (IllegalArgumentException e) {
                unreadable = text;
                if (picker.getValue() == null && text != null) {
                    // With no date held, the picker empties its text after this (Enter): it is put back.
                    javafx.application.Platform.runLater(() -> {
                        if (picker.getEditor().getText() == null || picker.getEditor().getText().isEmpty()) {
                            picker.getEditor().setText(text);
                        }
                    });
                }
                return picker.getValue(); // the date stays what it was; the text stays for the field to flag
            }
        }
    }
}
