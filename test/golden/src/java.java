package com.example;

/** A service. */
public class Service extends Base implements Runnable {
    public Service(int size) {
        super();
    }

    @Override
    public void run() {
    }

    static class Worker {
        void work() {}
    }

    interface Callback {
        void done(String result);
    }

    enum State {
        IDLE;
        boolean busy() { return false; }
    }

    record Pair(int a, int b) {}

    /** The default size. */
    public static final int DEFAULT_SIZE = 16;
    private String name, label;

    enum Level { LOW, HIGH }
}
