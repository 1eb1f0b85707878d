package com.crmplatform.ai;

import java.util.Optional;

/**
 * An AI helper's result, and which engine produced it: Groq, or the deterministic method, with the
 * reason Groq was not used.
 */
public record Assisted<T>(T value, RuleGenerator.Engine engine, Optional<String> groqProblem) {
}
