package id.pantau.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MinHashTest {

    @Test
    void shouldWriteBandKeyAsTwoHexDigitsOfBandAndEightOfHash() {
        assertThat(MinHash.bandKey(7, 0x5f3a9c21)).isEqualTo("07:5f3a9c21");
        assertThat(MinHash.bandKey(255, -1)).isEqualTo("ff:ffffffff");
        assertThat(MinHash.bandKey(16, 0x0000beef)).isEqualTo("10:0000beef");
    }

    @Test
    void shouldGiveOneKeyPerBandInTheSameFormAsBefore() {
        MinHash minHash = new MinHash(16, 16);
        int[] signature = minHash.signature(new Shingles(1).of("Bawaslu Pontianak menggelar rapat koordinasi netralitas pegawai"));

        String[] keys = minHash.bandKeys(signature);

        assertThat(keys).hasSize(16);
        for (int b = 0; b < keys.length; b++) {
            int h = 31 * 17 + signature[b];
            assertThat(keys[b]).isEqualTo(String.format(Locale.ROOT, "%02x:%08x", b, Shingles.mix(h)));
        }
    }
}
