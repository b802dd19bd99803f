import FleetUnits

/// Lossless JSON for sweep outcomes, the form a sweep shard stores its results in: every quantity as its
/// `Double` in base units (seconds, tokens/s, bytes), so a decoded outcome equals the evaluated one bit for
/// bit and a merge of shards renders exactly what one unsharded run renders.
///
/// ```
/// {"feasible": {"ttft_s": 17.13, "tpot_s": 0.031, "e2e_s": 25.1, "output_tokens_per_s": 2593.2,
///   "output_tokens_per_s_per_device": 648.3, "tokens_per_s_per_user": 31.9,
///   "weights_per_device_bytes": 35276200000, "kv_capacity_tokens": 402112}}
/// {"infeasible": "KV cache holds 3 tokens, the batch needs 4"}
/// ```
extension SweepOutcome: Codable {
    enum CodingKeys: String, CodingKey { case feasible, infeasible }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let metrics = try container.decodeIfPresent(SweepMetrics.self, forKey: .feasible) {
            self = .feasible(metrics)
        } else if let reason = try container.decodeIfPresent(String.self, forKey: .infeasible) {
            self = .infeasible(reason: reason)
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: container.codingPath, debugDescription: "an outcome has either 'feasible' or 'infeasible'"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .feasible(metrics): try container.encode(metrics, forKey: .feasible)
        case let .infeasible(reason): try container.encode(reason, forKey: .infeasible)
        }
    }
}

extension SweepMetrics: Codable {
    enum CodingKeys: String, CodingKey {
        case timeToFirstToken = "ttft_s", timePerOutputToken = "tpot_s", endToEnd = "e2e_s"
        case outputThroughput = "output_tokens_per_s", outputThroughputPerDevice = "output_tokens_per_s_per_device"
        case tokensPerSecondPerUser = "tokens_per_s_per_user", weightsPerDevice = "weights_per_device_bytes"
        case kvCapacityTokens = "kv_capacity_tokens"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value(_ key: CodingKeys) throws -> Double { try container.decode(Double.self, forKey: key) }
        self.init(timeToFirstToken: Seconds(try value(.timeToFirstToken)), timePerOutputToken: Seconds(try value(.timePerOutputToken)),
                  endToEnd: Seconds(try value(.endToEnd)), outputThroughput: TokensPerSecond(try value(.outputThroughput)),
                  outputThroughputPerDevice: TokensPerSecond(try value(.outputThroughputPerDevice)),
                  tokensPerSecondPerUser: TokensPerSecond(try value(.tokensPerSecondPerUser)),
                  weightsPerDevice: Bytes(try value(.weightsPerDevice)),
                  kvCapacityTokens: try container.decode(Int.self, forKey: .kvCapacityTokens))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeToFirstToken.value, forKey: .timeToFirstToken)
        try container.encode(timePerOutputToken.value, forKey: .timePerOutputToken)
        try container.encode(endToEnd.value, forKey: .endToEnd)
        try container.encode(outputThroughput.value, forKey: .outputThroughput)
        try container.encode(outputThroughputPerDevice.value, forKey: .outputThroughputPerDevice)
        try container.encode(tokensPerSecondPerUser.value, forKey: .tokensPerSecondPerUser)
        try container.encode(weightsPerDevice.value, forKey: .weightsPerDevice)
        try container.encode(kvCapacityTokens, forKey: .kvCapacityTokens)
    }
}
