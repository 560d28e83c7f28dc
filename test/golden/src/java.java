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
}
