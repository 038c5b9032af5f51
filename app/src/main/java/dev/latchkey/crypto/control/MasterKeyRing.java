package dev.latchkey.crypto.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The current master key, which makes everything new, and retired ones still able to read. */
public final class MasterKeyRing {

    private final MasterKey current;
    private final Map<String, MasterKey> byId = new LinkedHashMap<>();

    public MasterKeyRing(MasterKey current, List<MasterKey> retired) {
        this.current = current;
        byId.put(current.id(), current);
        retired.forEach(key -> byId.putIfAbsent(key.id(), key));
    }

    public MasterKey current() {
        return current;
    }

    public Optional<MasterKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
