package cn.evcheck.arch;

import cn.evcheck.check.Check;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the house (README "How evcheck is built"): util ← rules ← scan ← inspect ← check
 * → model ← report ← cli, the importer (draft) between inspect and cli, fix (util … report ← fix ←
 * cli) beside report, no package cycles, and checks that only read facts.
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.evcheck");

    @Test
    void layersDependInOneDirection() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("util").definedBy("cn.evcheck.util..")
                .layer("rules").definedBy("cn.evcheck.rules..")
                .layer("scan").definedBy("cn.evcheck.scan..")
                .layer("inspect").definedBy("cn.evcheck.inspect..")
                .layer("check").definedBy("cn.evcheck.check..")
                .layer("model").definedBy("cn.evcheck.model..")
                .layer("report").definedBy("cn.evcheck.report..")
                .layer("draft").definedBy("cn.evcheck.draft..")
                .layer("fix").definedBy("cn.evcheck.fix..")
                .layer("cli").definedBy("cn.evcheck.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("draft").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("fix").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("fix", "cli")
                .whereLayer("check").mayOnlyBeAccessedByLayers("fix", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("check", "report", "fix", "cli")
                .whereLayer("inspect").mayOnlyBeAccessedByLayers("check", "draft", "fix", "cli")
                .whereLayer("scan").mayOnlyBeAccessedByLayers("inspect", "check", "draft", "fix", "cli")
                .whereLayer("rules").mayOnlyBeAccessedByLayers("scan", "inspect", "check", "model", "report", "draft", "fix", "cli")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("cn.evcheck.(**)").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * The importer's parser is pure: only {@code DraftFiles} reads files (through inspect); the
     * phrase table, the table finder, the YAML writer and the comparison see strings and rules only.
     */
    @Test
    void theImportParserSeesStringsOnly() {
        noClasses().that().resideInAPackage("cn.evcheck.draft..")
                .and().doNotHaveFullyQualifiedName(cn.evcheck.draft.DraftFiles.class.getName())
                .and().doNotHaveFullyQualifiedName(cn.evcheck.draft.DraftFiles.Empty.class.getName())
                .and().doNotHaveFullyQualifiedName(cn.evcheck.draft.DraftFiles.Unsupported.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("cn.evcheck.inspect..", "cn.evcheck.scan..",
                        "cn.evcheck.check..", "cn.evcheck.model..", "cn.evcheck.report..", "java.nio.file..", "java.io..")
                .check(MAIN);
    }

    /** Checks are pure: facts + rules → findings. No file system, no process, no OCR, no inspection. */
    @Test
    void checksOnlyReadFacts() {
        noClasses().that().implement(Check.class)
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.io..", "java.net..",
                        "cn.evcheck.cli..", "cn.evcheck.report..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName("cn.evcheck.inspect.Ocr")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("cn.evcheck.inspect.Inspector")
                .check(MAIN);
    }
}
