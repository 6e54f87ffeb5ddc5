# Transcribes Authelia's Beszel guide (../shared/guides/beszel/current.md): one configuration method,
# the Web GUI, steps 1 to 10. Beszel's settings dashboard (/_/) is PocketBase's admin UI.
#
# A "# guide step N" comment says which numbered step of the Web GUI method the next Gherkin step
# transcribes; "# guide: Section" names another part of the guide, "Application > <method>" a
# configuration method by its heading. Values in quotes are the guide's words; at run time the suite
# takes every value from the guide itself (the settings address of step 2 is not quoted: it follows
# the docs' site variables).
Feature: Integrating Beszel with the Authelia OpenID Connect 1.0 Provider
  As an Authelia docs maintainer
  I want the Beszel guide's steps done against the real products
  So that the guide says only what is true

  Background:
    # guide: Configuration > Authelia
    Given Authelia runs with the guide's client configuration for Beszel

  Scenario: Configure Beszel with the Web GUI
    # guide: Application > Web GUI
    Given Beszel runs at the guide's Application Root URL with no sign-in provider
    # guide step 1
    When I login to Beszel
    # guide step 2
    And I navigate to the settings dashboard by going to the address the guide gives
    # guide step 3
    And I disable the "Hide collection create and edit controls"
    # guide step 4
    And I edit the "users" collection by clicking the cog and selecting "Options"
    # guide step 5
    And I expand OAuth2
    # guide step 6
    And I toggle Enable to the on position
    # guide step 7
    And I click "Add Provider"
    # guide step 8
    And I select "OpenID Connect"
    # guide step 9
    And I configure the following options
    # guide step 10
    And I press "Save" at the bottom
    Then Beszel's login page offers the provider by its display name

  Scenario: A user Beszel has logs in to Beszel through Authelia
    # guide: Application > Web GUI
    Given Beszel is configured as the guide's "Web GUI" method says
    And "maintainer" has a Beszel user with the email address Authelia has for them
    When on Beszel's login page, I click the provider's button
    And I login as "maintainer"
    Then I am logged in to Beszel as "maintainer"

  Scenario: A user Beszel does not have is refused
    # guide: Application > Web GUI
    Given Beszel is configured as the guide's "Web GUI" method says
    And "outsider" has no Beszel user
    When on Beszel's login page, I click the provider's button
    And I login as "outsider"
    Then Beszel does not let me in and says the login attempt failed
