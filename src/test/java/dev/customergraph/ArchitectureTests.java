package dev.customergraph;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure the README's design notes describe, held by the build: no package
 * cycles, a core that knows no feature, features that use each other's records but never
 * each other's repositories, services or controllers, and one way in for a caller.
 */
@AnalyzeClasses(packages = "dev.customergraph", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final String[] FEATURES = { "dev.customergraph.customer..", "dev.customergraph.address..",
			"dev.customergraph.source..", "dev.customergraph.photo..", "dev.customergraph.group..",
			"dev.customergraph.event..", "dev.customergraph.webhook.." };

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("dev.customergraph.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule theCoreKnowsNoFeature = noClasses().that()
		.resideInAnyPackage("dev.customergraph.graph..", "dev.customergraph.tenancy..", "dev.customergraph.mutation..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(FEATURES)
		.orShould()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.customergraph.edge..", "dev.customergraph.cli..", "dev.customergraph.dataset..",
				"dev.customergraph.persisted..", "dev.customergraph.federation..");

	@ArchTest
	static final ArchRule tenancyIsTheBottomOfTheCore = noClasses().that()
		.resideInAPackage("dev.customergraph.tenancy..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.customergraph.graph..", "dev.customergraph.mutation..");

	@ArchTest
	static final ArchRule observabilityDependsOnNoneOfOurPackages = noClasses().that()
		.resideInAPackage("dev.customergraph.observability..")
		.should()
		.dependOnClassesThat(resideInAPackage("dev.customergraph..")
			.and(not(resideInAPackage("dev.customergraph.observability.."))));

	@ArchTest
	static final ArchRule featuresKeepTheirInternals = classes().that()
		.resideInAnyPackage(FEATURES)
		.should(new ArchCondition<JavaClass>("use another feature only through its records and ports") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass();
					boolean otherFeature = !target.getPackageName().equals(origin.getPackageName())
							&& isFeature(target.getPackageName());
					if (otherFeature
							&& target.getSimpleName().matches(".*(Repository|Service|Controller|Loaders)(\\$.*)?")) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		});

	@ArchTest
	static final ArchRule onlyTheEdgeAuthenticates = classes().that()
		.haveSimpleName("Authenticator")
		.should()
		.onlyBeAccessed()
		.byAnyPackage("dev.customergraph.tenancy..", "dev.customergraph.edge..");

	private static boolean isFeature(String packageName) {
		return packageName.startsWith("dev.customergraph.customer")
				|| packageName.startsWith("dev.customergraph.address")
				|| packageName.startsWith("dev.customergraph.source")
				|| packageName.startsWith("dev.customergraph.photo")
				|| packageName.startsWith("dev.customergraph.group")
				|| packageName.startsWith("dev.customergraph.event")
				|| packageName.startsWith("dev.customergraph.webhook");
	}

}
