package id.pantau.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    @Test
    void shouldTreatInternalRangesAsInternal() throws Exception {
        assertThat(AddressGuard.isInternal(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(AddressGuard.isInternal(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(AddressGuard.isInternal(InetAddress.getByName("172.16.0.9"))).isTrue();
        assertThat(AddressGuard.isInternal(InetAddress.getByName("192.168.1.1"))).isTrue();
        assertThat(AddressGuard.isInternal(InetAddress.getByName("169.254.169.254"))).isTrue();
        assertThat(AddressGuard.isInternal(InetAddress.getByName("100.64.0.1"))).isTrue();
        assertThat(AddressGuard.isInternal(InetAddress.getByName("::1"))).isTrue();
        assertThat(AddressGuard.isInternal(InetAddress.getByName("fd12:3456::1"))).isTrue();
        assertThat(AddressGuard.isInternal(InetAddress.getByName("0.0.0.0"))).isTrue();
    }

    @Test
    void shouldTreatPublicAddressesAsPublic() throws Exception {
        assertThat(AddressGuard.isInternal(InetAddress.getByName("103.10.20.30"))).isFalse();
        assertThat(AddressGuard.isInternal(InetAddress.getByName("2001:db8::1"))).isFalse();
    }

    @Test
    void shouldRefuseLoopbackUnlessAllowed() {
        assertThat(new AddressGuard(false).check("127.0.0.1")).isEqualTo(FetchCause.PRIVATE_ADDRESS);
        assertThat(new AddressGuard(true).check("127.0.0.1")).isNull();
    }
}
