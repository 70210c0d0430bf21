package cn.evcheck.check;

import cn.evcheck.model.Report.UnitResult;

import java.nio.file.Path;

/**
 * A unit's result kept from an earlier run, to be given again when nothing it was computed from has
 * changed: the evcheck build and inspection settings, the rule set's bytes, the date checked as of,
 * the unit's name, configuration problem and claim, and every file and folder of the unit — its
 * name, place, type, size, modification time and file key ({@link Engine#memoKey}). Facts depend only
 * on the files, and checks only on facts, rules and date, so such a result is the one a new run
 * would compute; an unchanged unit of a nightly drive, or a clerk's unchanged package, is then only
 * walked, not inspected or judged again. One result is kept per unit folder.
 */
public interface UnitMemo {
    /**
     * Told as a unit's walk begins: a memo may start reading what it kept for the unit at {@code root},
     * to have it ready when {@link #get} asks (the walk and the key take about as long).
     */
    default void ahead(Path root) {
        // nothing to read ahead
    }

    /** The result kept for the unit at {@code root} under {@code key}, or null. */
    UnitResult get(Path root, String key);

    /** Keeps {@code result} for the unit at {@code root} under {@code key}, replacing what was kept for it. */
    void put(Path root, String key, UnitResult result);

    /** Nothing kept: every unit is inspected and judged. */
    UnitMemo NONE = new UnitMemo() {
        @Override
        public UnitResult get(Path root, String key) {
            return null;
        }

        @Override
        public void put(Path root, String key, UnitResult result) {
            // not kept
        }
    };
}
