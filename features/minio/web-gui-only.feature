# Transcribes the MinIO guide in its earlier form, one method of numbered steps (the Web GUI): the
# project's copy features/minio/guide.md (see NOTICE.md) and ../shared/guides/minio/2024-11-06.md.
# features/minio/three-methods.feature transcribes today's form. The suite runs the feature that
# transcribes the guide it is given (GUIDEWALK_GUIDE, default the project's copy).
# A "# guide step N" comment says which numbered step of the guide's Application section the next
# Gherkin step transcribes; "# guide: Section" names another part of the guide. Values in quotes are
# the guide's words as transcribed; at run time the suite takes every value from the guide itself.
Feature: Integrating MinIO with the Authelia OpenID Connect 1.0 Provider
  As an Authelia docs maintainer
  I want every step of the MinIO guide done in a real browser against the real products
  So that the guide says only what is true, and says where when it is not

  Background:
    # guide: Configuration > Authelia
    Given Authelia runs with the guide's client configuration for MinIO
    # guide: Assumptions
    And MinIO runs at the guide's Application Root URL

  Scenario: Configure MinIO to utilize Authelia as an OpenID Connect 1.0 Provider
    # guide step 1
    When I login to MinIO
    # guide step 2
    And on the left hand menu, I go to "Identity", then "OpenID"
    # guide step 3
    And on the top right, I click "Create Configuration"
    # guide step 4
    And on the screen that appears, I enter the following information
    # guide step 5
    And I press "Save" at the bottom
    # guide step 6
    And I accept the offer of a server restart at the top
    # guide step 6
    And I refresh the page and sign out if not done so automatically
    Then the login screen appears again

  Scenario: A user whose groups have a default policy logs in through Authelia
    Given MinIO is configured as the guide's steps 1 to 6 say
    # guide step 7
    And "maintainer" has the default policy "readwrite" in their user groups in Authelia
    # guide step 8
    When the login screen appears again, I click the "Authelia" button
    # guide step 9
    And I login as "maintainer"
    Then I am logged in to MinIO as "maintainer"
    And the policy "readwrite" lets me create a bucket

  Scenario: A user whose groups have no default policy is refused
    Given MinIO is configured as the guide's steps 1 to 6 say
    # guide step 7
    And "outsider" has no default policy in their user groups in Authelia
    # guide step 8
    When the login screen appears again, I click the "Authelia" button
    # guide step 9
    And I login as "outsider"
    Then MinIO refuses me, saying why

  @deviation
  Scenario: Step 8 as written: "Authelia" is selected from "Other Authentication Methods"
    Recorded deviation: MinIO's console shows the one identity provider as a button above the
    form; the "Other Authentication Methods" list offers only "Use Credentials" and "Use STS".
    This scenario stays green while that is so and turns red when guide or console change.

    Given MinIO is configured as the guide's steps 1 to 6 say
    # guide step 8
    When the login screen appears again, I click "Other Authentication Methods" open, then select "Authelia" from the list
