package dev.latchkey.http.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * All of Latchkey's HTTP surface. Mapped at the root so that unknown paths, too, answer in
 * the one error shape.
 */
@ApplicationPath("/")
public class LatchkeyApplication extends Application {
}
