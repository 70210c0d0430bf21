package cn.evcheck.inspect;

import java.io.IOException;

/** A file over one of evcheck's stated limits (inflated size, rows, cells …): refused, not read further. */
final class TooComplex extends IOException {
    TooComplex(String message) {
        super(message);
    }
}
