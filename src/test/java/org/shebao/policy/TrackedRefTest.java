package org.shebao.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tracked deadline items are named by a typed reference (kind, id, year), never a string an owner parses")
class TrackedRefTest {

    @Test
    @DisplayName("a reference comes back from its key as it went in, with or without a year")
    void roundTrip() {
        TrackedRef deferral = TrackedRef.of("deferral", 6004, 2020);
        TrackedRef commitment = TrackedRef.of("commitment", 17);
        assertThat(TrackedRef.fromKey(deferral.key())).isEqualTo(deferral);
        assertThat(TrackedRef.fromKey(commitment.key())).isEqualTo(commitment);
        assertThat(TrackedRef.fromKey(commitment.key()).year()).isNull();
    }

    @Test
    @DisplayName("a kind is one short lower-case word, and a key of another shape is refused")
    void shapes() {
        assertThatThrownBy(() -> TrackedRef.of("Commitment:1", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrackedRef.fromKey("sx-a")).isInstanceOf(IllegalStateException.class);
    }
}
