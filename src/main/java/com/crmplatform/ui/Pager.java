package com.crmplatform.ui;

import javafx.scene.control.Button;

/** Wires the four pager buttons of a screen to its paged list. */
public final class Pager {

    private Pager() {
    }

    public static void bind(PagedList<?> page, Button first, Button previous, Button next, Button last) {
        first.setOnAction(e -> page.first());
        previous.setOnAction(e -> page.previous());
        next.setOnAction(e -> page.next());
        last.setOnAction(e -> page.last());
        first.disableProperty().bind(page.hasPreviousProperty().not());
        previous.disableProperty().bind(page.hasPreviousProperty().not());
        next.disableProperty().bind(page.hasNextProperty().not());
        last.disableProperty().bind(page.hasNextProperty().not());
    }
}
