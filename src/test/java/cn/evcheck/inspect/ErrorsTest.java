package cn.evcheck.inspect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorsTest {
    @Test
    void objectIdentitiesBecomeClassNames() {
        assertEquals("Had unexpected type of entry for name: 1Table: DirectoryNode",
                Errors.oneLine(new IllegalArgumentException("Had unexpected type of entry for name: 1Table: "
                        + "org.apache.poi.poifs.filesystem.DirectoryNode@44f187e\n\tsecond line")));
    }

    @Test
    void exceptionsTheJvmThrowsItselfAreNamedOnlySoHotCodeSaysTheSame() {
        // Cold code: the JVM's message. Hot code (OmitStackTraceInFastThrow): no message at all. Both read the same.
        assertEquals("ArrayIndexOutOfBoundsException", Errors.oneLine(new ArrayIndexOutOfBoundsException("Index 100 out of bounds for length 100")));
        assertEquals("ArrayIndexOutOfBoundsException", Errors.oneLine(new ArrayIndexOutOfBoundsException()));
        assertEquals("NullPointerException", Errors.oneLine(new NullPointerException("Cannot invoke \"Object.toString()\" because \"x\" is null")));
        assertEquals("ClassCastException", Errors.oneLine(new ClassCastException("class A cannot be cast to class B")));
        // Other exceptions keep their words; a blank message is the class name.
        assertEquals("Block 12 not found", Errors.oneLine(new java.io.IOException("Block 12 not found")));
        assertEquals("IllegalStateException", Errors.oneLine(new IllegalStateException(" ")));
    }
}
