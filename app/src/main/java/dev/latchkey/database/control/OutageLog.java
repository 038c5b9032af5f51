package dev.latchkey.database.control;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The log of a background job that runs every few seconds: an unavailable database is one
 * WARNING line when the job first fails on it and one INFO line when the job works again,
 * not a stack trace per run. Any other failure is logged in full, every time.
 */
public final class OutageLog {

    private final Logger log;
    private final String job;
    private final AtomicBoolean down = new AtomicBoolean();

    public OutageLog(Logger log, String job) {
        this.log = log;
        this.job = job;
    }

    /** The job failed; {@code message} says what was lost or will happen for a failure that is not an outage. */
    public void failed(String message, RuntimeException failure) {
        if (!DatabaseUnavailable.causedBy(failure)) {
            log.log(Level.WARNING, message, failure);
        } else if (down.compareAndSet(false, true)) {
            log.warning(() -> job + ": database unavailable (" + DatabaseUnavailable.summary(failure)
                    + "); retrying quietly until it answers again");
        } else {
            log.log(Level.FINE, job + ": database still unavailable", failure);
        }
    }

    /** The job reached the database again. */
    public void succeeded() {
        if (down.compareAndSet(true, false)) {
            log.info(() -> job + ": database available again");
        }
    }
}
