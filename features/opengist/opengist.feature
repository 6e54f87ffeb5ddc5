# Transcribes Authelia's Opengist guide (../shared/docs/authelia-2026-05-26/clients/opengist/index.md): three
# configuration methods, Environment Variables (a .env block and a Docker Compose block) and a Configuration
# file (flat oidc.* keys and external-url), each on its own Opengist. The guide names a group whose members
# Opengist makes admins (OG_OIDC_GROUP_CLAIM_NAME, OG_OIDC_ADMIN_GROUP): a member of it lands as Opengist's
# admin, a user outside it as a plain user. The guide has no numbered steps: the login page is Opengist's own.
#
# "# guide: Section" names the part of the guide the next Gherkin step transcribes, "Application >
# <method>" a configuration method by its heading. At run time the suite takes every value from the guide
# itself: the button's name from the method's provider name, the admin group from the method.
Feature: Integrating Opengist with the Authelia OpenID Connect 1.0 Provider, by every configuration method
  As an Authelia docs maintainer
  I want each configuration method of the Opengist guide used against the real products
  So that the guide says only what is true, whichever method a reader picks

  Background:
    # guide: Configuration > Opengist
    Given Authelia runs with the guide's client configuration for Opengist

  Scenario Outline: Configured by "<method>", a member of the admin group logs in and receives admin rights
    # guide: Application > <method>
    Given Opengist is configured as the guide's "<method>" method says
    And "admin" is in the Authelia group the guide names as Opengist's admin group
    When I click Opengist's button to log in with Authelia
    And I login as "admin"
    Then I am logged in to Opengist as "admin"
    And Opengist's admin panel opens for me

    Examples:
      | method                                 |
      | Environment Variables (Standard)       |
      | Environment Variables (Docker Compose) |
      | Configuration file                     |

  Scenario Outline: Configured by "<method>", a user outside the admin group logs in without admin rights
    # guide: Application > <method>
    Given Opengist is configured as the guide's "<method>" method says
    And "user" is not in the Authelia group the guide names as Opengist's admin group
    When I click Opengist's button to log in with Authelia
    And I login as "user"
    Then I am logged in to Opengist as "user"
    And Opengist's admin panel does not open for me

    Examples:
      | method                                 |
      | Environment Variables (Standard)       |
      | Environment Variables (Docker Compose) |
      | Configuration file                     |
