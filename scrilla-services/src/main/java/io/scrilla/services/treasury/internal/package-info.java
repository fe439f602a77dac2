/** The parser of the Treasury's yield-curve XML pages. Not part of the public API. */
package io.scrilla.services.treasury.internal;
