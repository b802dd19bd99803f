// The products and quotients between dimensions that physics allows, each written once.

/// Time to move `bytes` at `rate`: `t = bytes / rate`.
public func / (bytes: Bytes, rate: BytesPerSecond) -> Seconds { Seconds(bytes.value / rate.value) }
/// Data moved in `time` at `rate`.
public func * (rate: BytesPerSecond, time: Seconds) -> Bytes { Bytes(rate.value * time.value) }
/// Average rate of moving `bytes` in `time`.
public func / (bytes: Bytes, time: Seconds) -> BytesPerSecond { BytesPerSecond(bytes.value / time.value) }

/// Time to perform `work` at `rate`: `t = FLOPs / FLOPS`.
public func / (work: FLOPs, rate: FLOPSRate) -> Seconds { Seconds(work.value / rate.value) }
/// Operations done in `time` at `rate`.
public func * (rate: FLOPSRate, time: Seconds) -> FLOPs { FLOPs(rate.value * time.value) }
/// Achieved rate of `work` done in `time`.
public func / (work: FLOPs, time: Seconds) -> FLOPSRate { FLOPSRate(work.value / time.value) }

/// Arithmetic intensity: operations per byte.
public func / (work: FLOPs, bytes: Bytes) -> Double { work.value / bytes.value }

/// Energy drawn at `power` for `time`: `E = P·t`.
public func * (power: Watts, time: Seconds) -> Joules { Joules(power.value * time.value) }
public func * (time: Seconds, power: Watts) -> Joules { Joules(power.value * time.value) }
/// Average power of `energy` spent over `time`.
public func / (energy: Joules, time: Seconds) -> Watts { Watts(energy.value / time.value) }

/// Tokens produced in `time` at `rate`.
public func * (rate: TokensPerSecond, time: Seconds) -> Tokens { Tokens(rate.value * time.value) }
/// Average token rate.
public func / (tokens: Tokens, time: Seconds) -> TokensPerSecond { TokensPerSecond(tokens.value / time.value) }
/// Energy per token.
public func / (energy: Joules, tokens: Tokens) -> Double { energy.value / tokens.value }
