package org.socialwork.reporting.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One export as rows of typed cells, independent of the file format, so that the CSV and the XLSX
 * of the same export can never disagree on columns or values. Numbers stay {@link Number}s so the
 * spreadsheet writer can store them as numeric cells; everything else is written as text.
 */
record Table(String fileName, List<String> header, List<List<Object>> rows) {

    Table(String fileName, String... header) {
        this(fileName, List.of(header), new ArrayList<>());
    }

    Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row of " + cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(Arrays.asList(cells));
        return this;
    }
}
