package io.scrilla.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scrilla.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The risk-free rate parameter type. */
class RiskFreeRateTest {
  @Test
  void of_finiteRate_isAFixedRateEqualByValue() {
    RiskFreeRate r = RiskFreeRate.of(0.02);
    assertEquals(0.02, assertInstanceOf(RiskFreeRate.Fixed.class, r).rate(), 0);
    assertEquals(RiskFreeRate.of(0.02), r);
    assertNotEquals(RiskFreeRate.of(0.03), r);
    assertEquals(-0.005, ((RiskFreeRate.Fixed) RiskFreeRate.of(-0.005)).rate(), 0);
  }

  @Test
  void of_notFinite_isRefusedNamingTheValue() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RiskFreeRate.of(Double.NaN));
    assertEquals("the risk-free rate NaN is not a number", e.getMessage());
    assertThrows(InvalidInputException.class, () -> RiskFreeRate.of(Double.POSITIVE_INFINITY));
  }

  @Test
  void configured_isOneValue() {
    assertSame(RiskFreeRate.configured(), RiskFreeRate.configured());
    assertNotEquals(RiskFreeRate.of(0), RiskFreeRate.configured());
  }
}
