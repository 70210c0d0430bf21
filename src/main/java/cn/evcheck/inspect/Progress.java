package cn.evcheck.inspect;

/** Told how many files a unit has once they are listed, then once per file inspected. Thread-safe. */
public interface Progress {
    void start(String unit, int files);

    void advance();

    Progress NONE = new Progress() {
        @Override
        public void start(String unit, int files) {
        }

        @Override
        public void advance() {
        }
    };
}
