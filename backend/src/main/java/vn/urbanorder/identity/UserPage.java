package vn.urbanorder.identity;

import java.util.List;

/** One page of a ward's users. */
public record UserPage(List<User> items, int page, int size, long totalItems) {}
