/**
 * scrilla as one AWS Lambda function ({@link io.scrilla.aws.lambda.ScrillaHandler}): JSON events
 * run as the commands of {@code io.scrilla.commands}, with the same options, validation and JSON as
 * the command line, over the DynamoDB cache shared by every container of the function.
 */
package io.scrilla.aws.lambda;
