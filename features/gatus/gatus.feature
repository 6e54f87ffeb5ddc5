# Transcribes Authelia's Gatus guide (../shared/docs/authelia-2026-05-26/clients/gatus/index.md): one
# configuration method, the Configuration File (config.yaml, security.oidc), used as Gatus's
# configuration exactly as the guide writes it. The guide has no numbered steps: how a user then logs
# in is Gatus's own login page.
#
# "# guide: Section" names the part of the guide the next Gherkin step transcribes, "Application >
# <method>" a configuration method by its heading. At run time the suite takes every value from the
# guide itself.
Feature: Integrating Gatus with the Authelia OpenID Connect 1.0 Provider
  As an Authelia docs maintainer
  I want the Gatus guide's configuration used against the real products
  So that the guide says only what is true

  Background:
    # guide: Configuration > Authelia
    Given Authelia runs with the guide's client configuration for Gatus

  Scenario: Configured by "Configuration File", Gatus asks a visitor to log in first
    # guide: Application > Configuration File
    Given Gatus is configured as the guide's "Configuration File" method says
    Then Gatus shows a visitor who has not logged in no status, only a button to log in

  Scenario: Configured by "Configuration File", a user logs in through Authelia and sees the status page
    # guide: Application > Configuration File
    Given Gatus is configured as the guide's "Configuration File" method says
    When I click Gatus's button to log in
    And I login as "maintainer"
    Then I am logged in to Gatus and see its status page
