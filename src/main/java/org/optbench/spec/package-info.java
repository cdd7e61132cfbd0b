/**
 * Experiment specs: the YAML language, its validation with file:line:column errors, the
 * {@link org.optbench.spec.Catalog} of what a spec may name, and the expansion of a spec into
 * grid {@link org.optbench.spec.Cell}s. Depends on nothing else in optbench: the optimizers'
 * definitions come from the optimizer registry through {@link
 * org.optbench.spec.CatalogueProvider}, found by {@link java.util.ServiceLoader}.
 *
 * <p>{@link org.optbench.spec.SpecParser} is the entry point. It reads SnakeYAML's node tree
 * rather than plain maps so that every error can point at the value that caused it; the helpers
 * behind it each do one step:
 *
 * <ul>
 *   <li>{@code SpecText}: reads a spec file only when it is a regular file of at most 1 MiB;
 *   <li>{@code YamlGuard}: refuses explicit tags, alias floods and deep nesting in the YAML
 *       events, before a node tree is built;
 *   <li>{@code YamlNodes}: node shapes, duplicate keys, syntax errors, locating messages;
 *   <li>{@code ComponentResolver}: an axis entry (a bare word or a map) against the catalogue;
 *   <li>{@code ValueReader}: one value against its {@link org.optbench.spec.ParamDef}'s type,
 *       range and choices;
 *   <li>{@code GridExpansion}: lists of alternatives into the cartesian product of grid points;
 *   <li>{@code ComponentRules}: rules across hyperparameters: each definition's own
 *       {@link org.optbench.spec.ComponentRule} (SGD's Nesterov condition, Adafactor's step
 *       size), then the clips', schedules' and workloads' (warm-up shorter than the decay);
 *   <li>{@link org.optbench.spec.PresetDef}: recipes such as {@code gpt3} that fix optimizer,
 *       clip and schedule together; a {@code {preset: ...}} entry of {@code grid.optimizer} gives
 *       {@link org.optbench.spec.PresetPoint}s, not crossed with the clip and schedule axes;
 *   <li>{@code Suggestions}: "did you mean" hints for misspelt names and keys;
 *   <li>{@link org.optbench.spec.Limits} ({@code limits:}, read by {@code LimitsSection}): what a
 *       spec may ask for; {@code GridSize} counts the grid's runs from the YAML before any axis
 *       is expanded.
 * </ul>
 */
package org.optbench.spec;
