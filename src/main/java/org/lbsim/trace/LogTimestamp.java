package org.lbsim.trace;

/**
 * The time of an access log line, {@code [dd/MMM/yyyy:HH:mm:ss +hhmm]}, to Unix epoch seconds.
 * Read at fixed positions with a table of month names and calendar arithmetic rather than a
 * {@link java.time.format.DateTimeFormatter}, because this is on every line's path and is
 * many times faster (docs/workloads.md gives the measurement).
 */
final class LogTimestamp {

    /** The characters of {@code [17/May/2015:10:05:03 +0000]}. */
    static final int LENGTH = 28;
    /** What {@link #parse} returns for text that is not a time. */
    static final long INVALID = Long.MIN_VALUE;

    private static final String SHAPE = "a time as [dd/MMM/yyyy:HH:mm:ss +hhmm]";
    private static final char[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec".toCharArray();
    private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December"};
    private static final int MAX_OFFSET_HOURS = 18;

    private LogTimestamp() {
    }

    /** The epoch seconds of the time that starts with {@code [} at {@code text[at]}, or {@link #INVALID} with {@code failure} filled in. */
    static long parse(char[] text, int at, int to, Failure failure) {
        if (to - at < LENGTH || !shaped(text, at)) {
            failure.at(at, extent(text, at, to), SHAPE);
            return INVALID;
        }
        int month = month(text, at + 4);
        if (month == 0) {
            failure.at(at + 4, at + 7, "a month name, Jan to Dec");
            return INVALID;
        }
        int year = number(text, at + 8, 4);
        int day = number(text, at + 1, 2);
        int days = daysInMonth(year, month);
        if (day < 1 || day > days) {
            failure.at(at + 1, at + 3, "a day of " + MONTH_NAMES[month - 1] + " " + year + ", 01 to " + days);
            return INVALID;
        }
        int hour = twoDigitsUpTo(23, text, at + 13, "an hour, 00 to 23", failure);
        if (hour < 0) return INVALID;
        int minute = twoDigitsUpTo(59, text, at + 16, "a minute, 00 to 59", failure);
        if (minute < 0) return INVALID;
        int second = twoDigitsUpTo(59, text, at + 19, "a second, 00 to 59", failure);
        if (second < 0) return INVALID;
        int offsetHours = number(text, at + 23, 2);
        int offsetMinutes = number(text, at + 25, 2);
        if (offsetMinutes > 59 || offsetHours * 100 + offsetMinutes > MAX_OFFSET_HOURS * 100) {
            failure.at(at + 22, at + 27, "a time zone offset from -1800 to +1800");
            return INVALID;
        }
        int offset = (offsetHours * 60 + offsetMinutes) * 60;
        if (text[at + 22] == '-') offset = -offset;
        // The log writes local time and its offset from UTC: UTC = local - offset.
        return epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offset;
    }

    /** Whether the separators and digits are where the format puts them. */
    private static boolean shaped(char[] t, int at) {
        return t[at] == '[' && t[at + 3] == '/' && t[at + 7] == '/' && t[at + 12] == ':' && t[at + 15] == ':'
                && t[at + 18] == ':' && t[at + 21] == ' ' && (t[at + 22] == '+' || t[at + 22] == '-') && t[at + 27] == ']'
                && digits(t, at + 1, 2) && digits(t, at + 8, 4) && digits(t, at + 13, 2) && digits(t, at + 16, 2)
                && digits(t, at + 19, 2) && digits(t, at + 23, 4);
    }

    /** Where text that should have been a time ends, to quote it: after its {@code ]}, else at a space or the end. */
    private static int extent(char[] t, int at, int to) {
        int limit = Math.min(to, at + 2 * LENGTH);
        for (int i = at; i < limit; i++) {
            if (t[i] == ']') return i + 1;
        }
        int i = at;
        while (i < to && t[i] != ' ') i++;
        return i;
    }

    /** 1 for Jan to 12 for Dec, 0 for anything else. */
    private static int month(char[] t, int at) {
        for (int m = 0; m < 12; m++) {
            int i = 3 * m;
            if (t[at] == MONTHS[i] && t[at + 1] == MONTHS[i + 1] && t[at + 2] == MONTHS[i + 2]) return m + 1;
        }
        return 0;
    }

    private static boolean digits(char[] t, int at, int count) {
        for (int i = at; i < at + count; i++) {
            if (!Numbers.isDigit(t[i])) return false;
        }
        return true;
    }

    /** The two digits at {@code t[at]} if at most {@code max}, else -1 with {@code failure} filled in. */
    private static int twoDigitsUpTo(int max, char[] t, int at, String expected, Failure failure) {
        int value = number(t, at, 2);
        if (value <= max) return value;
        failure.at(at, at + 2, expected);
        return -1;
    }

    private static int number(char[] t, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) value = value * 10 + (t[i] - '0');
        return value;
    }

    static int daysInMonth(int year, int month) {
        if (month == 2) return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /**
     * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, as
     * {@link java.time.LocalDate#toEpochDay}: Howard Hinnant's {@code days_from_civil}, which
     * counts in 400-year eras whose years start in March, so that the leap day ends a year.
     */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }
}
