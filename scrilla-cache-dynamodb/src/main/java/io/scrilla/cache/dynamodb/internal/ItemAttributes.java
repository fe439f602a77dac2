package io.scrilla.cache.dynamodb.internal;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;

/** The one way the item records map an attribute for the enhanced client's immutable schemas. */
final class ItemAttributes {
  private ItemAttributes() {}

  /**
   * Returns the mapping of one attribute of an item record: its name in the table, the record's
   * accessor, the builder's setter and its key tags, if any.
   *
   * @param <T> the item record
   * @param <B> the record's builder
   * @param <R> the attribute's Java type
   */
  static <T, B, R> Consumer<ImmutableAttribute.Builder<T, B, R>> attribute(
      String name, Function<T, R> getter, BiConsumer<B, R> setter, StaticAttributeTag... tags) {
    return a -> a.name(name).getter(getter).setter(setter).tags(tags);
  }
}
