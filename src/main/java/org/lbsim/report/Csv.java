package org.lbsim.report;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 rows: fields quoted only when they must be, an empty field for a missing number. */
final class Csv {

    private Csv() {
    }

    static String row(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\n";
    }

    static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) return text;
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
