package dev.latchkey.database.entity;

/** A value with one stable name, used on the wire and stored as is (see {@link WireNameColumn}). */
public interface WireNamed {

    String wireName();
}
