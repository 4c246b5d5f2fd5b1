package org.lbsim.balancing;

import java.util.Arrays;
import java.util.List;

/**
 * The usable backends of the moment, indexed both ways: by position in the usable list (what
 * the algorithms' own structures use) and by backend id (what the balancer's callbacks give).
 */
final class Members {

    private static final Members NONE = new Members(List.of());

    private final BackendView[] list;
    private final int[] positionById;

    Members(List<? extends BackendView> usable) {
        list = usable.toArray(new BackendView[0]);
        int maxId = -1;
        for (BackendView backend : list) maxId = Math.max(maxId, backend.id());
        positionById = new int[maxId + 1];
        Arrays.fill(positionById, -1);
        for (int i = 0; i < list.length; i++) positionById[list[i].id()] = i;
    }

    static Members none() {
        return NONE;
    }

    int size() {
        return list.length;
    }

    BackendView get(int position) {
        return list[position];
    }

    /** The backend's position in the usable list, or -1 when it is not usable now. */
    int positionOf(BackendView backend) {
        return positionOfId(backend.id());
    }

    /** The position of the backend with this id, or -1 when it is not usable now (or the id is -1). */
    int positionOfId(int id) {
        return id >= 0 && id < positionById.length ? positionById[id] : -1;
    }
}
