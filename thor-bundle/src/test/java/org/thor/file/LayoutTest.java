package org.thor.file;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The connector's packages, by role (see each package-info), depend on one another without cycles. */
class LayoutTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.thor.file", "org.thor.format");

    @Test
    void packagesDependOnOneAnotherWithoutCycles() {
        slices().matching("org.thor.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
