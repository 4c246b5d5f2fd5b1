package org.lbsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({"250ms, 0.25", "2s, 2", "5min, 300", "1h, 3600", "1d, 86400", "1.5s, 1.5", "42, 42", "0, 0",
            "0.5, 0.5", "'3 s', 3"})
    void durations_acceptNumberWithUnitOrBareSeconds(String text, double seconds) {
        assertThat(Durations.parse(text)).isEqualTo(seconds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10 minutes", "5m", "abc", "", "s", "1.2.3s", "1e999"})
    void durations_rejectOtherTextSayingWhatWasFound(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found '" + text + "'")
                .hasMessageContaining("expected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1s", "-250ms"})
    void durations_rejectNegativeValues(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining("found '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"150/s, 150", "9000/min, 150", "36/h, 0.01", "12, 12", "0.5/s, 0.5"})
    void rates_acceptCountPerUnitOrBarePerSecond(String text, double perSecond) {
        assertThat(Rates.parse(text)).isCloseTo(perSecond, org.assertj.core.data.Offset.offset(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"150/sec", "fast", "/s", "150/", "-5/s"})
    void rates_rejectOtherTextSayingWhatWasFound(String text) {
        assertThatThrownBy(() -> Rates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found '" + text + "'")
                .hasMessageContaining("expected a rate such as 150/s");
    }

    @org.junit.jupiter.api.Test
    void durations_messageNamesTheExpectedForms() {
        assertThatThrownBy(() -> Durations.parse("10 minutes"))
                .hasMessage("found '10 minutes', expected a duration such as 250ms, 2s, 5min or 1h (units: ms, s, min, h, d)");
    }
}
