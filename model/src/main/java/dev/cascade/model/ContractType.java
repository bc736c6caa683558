package dev.cascade.model;

/**
 * How a contract is denominated. Linear contracts are a quantity of the coin and settle in a USD
 * stablecoin; inverse contracts are a USD amount and settle in the coin.
 */
public enum ContractType {
    LINEAR,
    INVERSE
}
