package org.lbsim.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogTimestampTest {

    @Test
    void epochDay_agreesWithJavaTime_overFourCenturies() {
        for (long day = LocalDate.of(1800, 1, 1).toEpochDay(); day <= LocalDate.of(2200, 12, 31).toEpochDay(); day++) {
            LocalDate date = LocalDate.ofEpochDay(day);
            assertThat(LogTimestamp.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth())).as(date.toString()).isEqualTo(day);
        }
        for (int year = 1800; year <= 2200; year++) {
            for (int month = 1; month <= 12; month++) {
                assertThat(LogTimestamp.daysInMonth(year, month)).isEqualTo(YearMonth.of(year, month).lengthOfMonth());
            }
        }
    }

    /** Random times and offsets, written as Apache writes them, read as java.time reads them. */
    @Test
    void parse_agreesWithDateTimeFormatter() {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("'['dd/MMM/yyyy:HH:mm:ss xx']'", Locale.ENGLISH);
        SplittableRandom random = new SplittableRandom(11);
        Failure failure = new Failure();
        for (int n = 0; n < 20_000; n++) {
            long epoch = random.nextLong(0, 4_102_444_800L);
            int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
            OffsetDateTime time = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(epoch),
                    java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            String text = format.format(time);
            assertThat(LogTimestamp.parse(text.toCharArray(), 0, text.length(), failure)).as(text).isEqualTo(epoch);
        }
    }
}
